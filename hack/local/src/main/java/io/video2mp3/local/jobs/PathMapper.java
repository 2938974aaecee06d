package io.video2mp3.local.jobs;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites container paths (volume mounts, the termination-message path, files of the image such as
 * /app/operator.jar) to local ones in a command, its arguments and environment values. A container
 * path matches as a whole path: at the start of the value or after '=', ':' or whitespace, and followed
 * by the end, '/', or a separator.
 */
public final class PathMapper {

  private final Map<String, String> mappings;

  public PathMapper(Map<String, String> mappings) {
    Map<String, String> sorted = new LinkedHashMap<>();
    // Longest first, so /scratch/x wins over /scratch.
    mappings.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    this.mappings = sorted;
  }

  public String map(String value) {
    if (value == null) {
      return null;
    }
    String result = value;
    for (Map.Entry<String, String> mapping : mappings.entrySet()) {
      Pattern pattern = Pattern.compile("(^|[=:\\s,])" + Pattern.quote(mapping.getKey()) + "(?=$|[/\\s:;,])");
      result = pattern.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + mapping.getValue()));
    }
    return result;
  }

  public List<String> map(List<String> values) {
    return values.stream().map(this::map).toList();
  }
}
