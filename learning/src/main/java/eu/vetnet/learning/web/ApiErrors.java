package eu.vetnet.learning.web;

import eu.vetnet.identity.api.ApiErrorResponses;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused requests of every learning server controller, rendered as {@code {status, error, message, fix}}. */
@RestControllerAdvice
public class ApiErrors extends ApiErrorResponses {

    public ApiErrors() {
        super("docs/learning.md (\"API\")");
    }
}
