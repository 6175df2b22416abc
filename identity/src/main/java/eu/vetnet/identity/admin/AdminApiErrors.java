package eu.vetnet.identity.admin;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one rendering of a refused admin or directory call: an RFC 9457 problem with the status and how to fix it. */
@RestControllerAdvice
public class AdminApiErrors {

    @ExceptionHandler(AdminApiException.class)
    ResponseEntity<ProblemDetail> failed(AdminApiException e) {
        return ResponseEntity.status(e.status()).body(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
    }
}
