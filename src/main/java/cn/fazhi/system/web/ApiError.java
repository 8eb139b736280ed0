package cn.fazhi.system.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer of Fazhi's own API ({@code /api/**}).
 *
 * @param status HTTP status code
 * @param error HTTP reason phrase
 * @param parameter the request parameter or field that is wrong, when there is one
 * @param message what is wrong and how to fix it, in Chinese for the civil servant at the
 * screen
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String parameter, String message) {

}
