package dev.messer.error;

/**
 * Failure: the service's endpoint could not be reached, or did not answer in time (a refused or
 * broken connection, a call past its deadline). Unlike a refusal, it says nothing about the item or
 * key the call was for: a bulk run that meets it on item after item stops rather than try the rest.
 */
public class UnreachableException extends UnavailableException {

    private final String endpoint;

    /** @param endpoint the service and where it was called, such as "S3 at http://127.0.0.1:4566" */
    public UnreachableException(String endpoint, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
    }

    /** The service and where it was called, such as "S3 at https://s3.eu-west-1.amazonaws.com". */
    public String endpoint() {
        return endpoint;
    }
}
