package eu.vetnet.rooms.web;

import eu.vetnet.identity.api.ApiErrorResponses;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused REST requests of every room server controller, rendered as {@code {status, error, message, fix}}. */
@RestControllerAdvice
public class ApiErrors extends ApiErrorResponses {

    public ApiErrors() {
        super("docs/rooms.md (\"REST\")");
    }
}
