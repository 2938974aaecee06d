package io.video2mp3.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A field selector ({@code involvedObject.name=x,type!=Normal}) applied to a list, which the mock ignores:
 * {@code kubectl describe} finds an object's events with one.
 */
record FieldSelector(List<Term> terms) {

  record Term(String field, String value, boolean equal) {
    boolean matches(JsonNode object) {
      JsonNode node = object;
      for (String part : field.split("\\.")) {
        node = node.path(part);
      }
      String actual = node.isValueNode() ? node.asText() : "";
      return equal == actual.equals(value);
    }
  }

  /** Parses {@code a.b=c}, {@code a.b==c} and {@code a.b!=c}, comma-separated. */
  static FieldSelector parse(String selector) {
    List<Term> terms = new ArrayList<>();
    for (String requirement : selector.split(",")) {
      if (requirement.isBlank()) {
        continue;
      }
      boolean notEqual = requirement.contains("!=");
      String[] parts = requirement.split(notEqual ? "!=" : "==?", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("invalid field selector requirement: " + requirement);
      }
      terms.add(new Term(parts[0].strip(), parts[1].strip(), !notEqual));
    }
    return new FieldSelector(List.copyOf(terms));
  }

  boolean matches(JsonNode object) {
    return terms.stream().allMatch(term -> term.matches(object));
  }
}
