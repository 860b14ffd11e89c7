package com.chatwebsite.host.openapi;

import java.util.List;

/**
 * Checks the bad-input suite's refusals against the checked-in OpenAPI document: each answer must
 * be one the document allows for its operation, or, for a request no operation takes (a wrong
 * method, a path attack), the document's error body. Called by BadInputSuiteTest for every case.
 */
public final class OpenApiRefusals {

    private static final OpenApiContract CONTRACT = new OpenApiContract(OpenApiContract.checkedIn());

    private OpenApiRefusals() {
    }

    /**
     * What is wrong with a refusal, judged by the document.
     *
     * @param method the request's method
     * @param target the request target (path and query) as sent
     * @param status the answer's status; below 400 nothing is judged here
     * @param contentType the answer's Content-Type
     * @param body the answer's body
     * @return the problems, none when the document allows the answer
     */
    public static List<String> problems(String method, String target, int status, String contentType, byte[] body) {
        return CONTRACT.refusalProblems(method, target, status, contentType, body);
    }
}
