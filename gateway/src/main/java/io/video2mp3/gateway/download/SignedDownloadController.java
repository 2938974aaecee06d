package io.video2mp3.gateway.download;

import io.swagger.v3.oas.annotations.Operation;
import io.video2mp3.api.download.SignedLink;
import io.video2mp3.api.download.SignedLink.Expired;
import io.video2mp3.api.download.SignedLink.Invalid;
import io.video2mp3.api.download.SignedLink.Valid;
import io.video2mp3.gateway.error.ApiException;
import io.video2mp3.gateway.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail's link: downloads without a login while its signature holds, it has not expired and the
 * conversion still exists with that output. Browsers get a page when it does not; other clients JSON.
 */
@RestController
class SignedDownloadController {

  private final SignedLink links;
  private final DownloadService downloads;
  private final DownloadController sender;
  private final LinkProblemPage page;
  private final PublicUrls urls;
  private final Clock clock = Clock.systemUTC();

  SignedDownloadController(SignedLink links, DownloadService downloads, DownloadController sender,
      LinkProblemPage page, PublicUrls urls) {
    this.links = links;
    this.downloads = downloads;
    this.sender = sender;
    this.page = page;
    this.urls = urls;
  }

  @Operation(summary = "Download an MP3 with the signed link from the notification email (no login)")
  @GetMapping(SignedLink.PATH)
  void download(@RequestParam(required = false) String fid, @RequestParam(required = false) String owner,
      @RequestParam(required = false) String exp, @RequestParam(required = false) String sig,
      HttpServletRequest request, HttpServletResponse response) {
    Optional<ApiException> problem = sendOrExplain(links.verify(fid, owner, exp, sig, clock.instant()), request, response);
    if (problem.isPresent()) {
      if (!LinkProblemPage.wantsHtml(request)) {
        throw problem.get();
      }
      page.send(problem.get(), urls.base() + "/", response);
    }
  }

  /** Sends the file for a valid link; otherwise says what is wrong with it. */
  private Optional<ApiException> sendOrExplain(SignedLink.Verdict verdict, HttpServletRequest request,
      HttpServletResponse response) {
    if (verdict instanceof Expired expired) {
      return Optional.of(new ApiException(HttpStatus.GONE,
          "this download link expired on " + expired.grant().expires() + ", when the file's retention ended"));
    }
    if (!(verdict instanceof Valid valid)) {
      return Optional.of(new ApiException(HttpStatus.FORBIDDEN, "this download link is not valid ("
          + ((Invalid) verdict).reason() + "); it may have been altered or cut short"));
    }
    try {
      sender.send(downloads.bySignedLink(valid.grant()), request, response);
      return Optional.empty();
    } catch (ApiException e) {
      if (e.status() != HttpStatus.NOT_FOUND && e.status() != HttpStatus.CONFLICT) {
        return Optional.of(e);
      }
      return Optional.of(new ApiException(HttpStatus.NOT_FOUND,
          "this download link's file no longer exists: its conversion was deleted"));
    }
  }
}
