package eu.vetnet.identity.admin;

import eu.vetnet.identity.api.ApiErrorResponses;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused admin and directory calls, rendered as every server's refusals: {@code {status, error, message, fix}}. */
@RestControllerAdvice
public class AdminApiErrors extends ApiErrorResponses {

    public AdminApiErrors() {
        super("docs/identity.md (\"Admin API\")");
    }
}
