package io.video2mp3.gateway.conversion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.gateway.auth.Caller;
import io.video2mp3.gateway.error.ApiException;
import io.video2mp3.gateway.web.PublicUrls;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's conversions and their status, read from the Kubernetes API. */
@RestController
@RequestMapping("/api/v1/conversions")
class ConversionController {

  private static final int MAX_PAGE_SIZE = 100;

  private final ConversionService conversions;
  private final PublicUrls urls;

  ConversionController(ConversionService conversions, PublicUrls urls) {
    this.conversions = conversions;
    this.urls = urls;
  }

  @Operation(summary = "The caller's conversions (admins: everyone's), newest first")
  @GetMapping
  ConversionPage list(@Parameter(hidden = true) Caller caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiException.badRequest("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
    }
    List<VideoConversion> all = conversions.visible(caller);
    String base = urls.base();
    List<ConversionView> items = all.stream()
        .skip((long) page * size)
        .limit(size)
        .map(conversion -> ConversionView.of(conversion, base))
        .toList();
    return new ConversionPage(items, page, size, all.size());
  }

  @Operation(summary = "One conversion's status")
  @GetMapping("/{name}")
  ConversionView get(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    return ConversionView.of(conversions.get(caller, name), urls.base());
  }

  @Operation(summary = "Delete a conversion; the operator removes its video and MP3")
  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    conversions.delete(caller, name);
    return ResponseEntity.accepted().build();
  }
}
