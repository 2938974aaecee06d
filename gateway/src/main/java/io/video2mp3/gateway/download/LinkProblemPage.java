package io.video2mp3.gateway.download;

import io.video2mp3.gateway.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** What a person who clicked a dead mail link sees: why, and a way to log in and download from the list. */
@Component
class LinkProblemPage {

  /** A browser asks for text/html by name; curl and API clients send {@code *}/{@code *} or JSON. */
  static boolean wantsHtml(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null) {
      return false;
    }
    try {
      List<MediaType> types = MediaType.parseMediaTypes(accept);
      return types.stream().anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type) && type.getQualityValue() > 0);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  void send(ApiException problem, String loginUrl, HttpServletResponse response) {
    String title = switch (problem.status()) {
      case GONE -> "This download link has expired";
      case NOT_FOUND -> "This file is no longer available";
      case SERVICE_UNAVAILABLE -> "Downloads are unavailable right now";
      default -> "This download link is not valid";
    };
    String html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%1$s · video2mp3</title><link rel="stylesheet" href="%3$sapp.css"></head>
        <body><main class="notice">
        <h1>%1$s</h1>
        <p>%2$s.</p>
        <p>Log in to see your conversions: every finished one can be downloaded from the list there.</p>
        <p><a class="button" href="%3$s">Log in to video2mp3</a></p>
        </main></body></html>
        """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(capitalised(problem.getMessage())),
        HtmlUtils.htmlEscape(loginUrl));
    response.setStatus(problem.status().value());
    response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    try {
      response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the client went away: nobody is left to read the page
    }
  }

  private static String capitalised(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
