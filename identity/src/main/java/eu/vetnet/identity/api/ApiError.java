package eu.vetnet.identity.api;

/**
 * The JSON body of every refused request of the room server's and the community server's APIs: the status, its
 * reason phrase, what went wrong and how to fix it. One definition, so the app reads every refusal the same way
 * (docs/architecture.md, "Refused requests").
 */
public record ApiError(int status, String error, String message, String fix) {
}
