package io.video2mp3.gateway.conversion;

import java.util.List;

/** One page of the caller's conversions, newest first. */
public record ConversionPage(List<ConversionView> items, int page, int size, int total) {
}
