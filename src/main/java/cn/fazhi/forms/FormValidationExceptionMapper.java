package cn.fazhi.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Camunda's REST API answers 400 for a failed form validation on {@code submit-form} and
 * {@code complete}, but 500 on {@code /process-definition/…/start}. This mapper makes the
 * latter 400 too, with Camunda's usual error body: a refused submission is the client's
 * mistake, not a server error.
 */
@Provider
@Priority(1)
public class FormValidationExceptionMapper implements ExtendedExceptionMapper<RestException> {

	@Override
	public boolean isMappable(RestException exception) {
		return exception.getCause() instanceof FormFieldValidationException;
	}

	@Override
	public Response toResponse(RestException exception) {
		return Response.fromResponse(ExceptionHandlerHelper.getInstance().getResponse(exception))
			.status(Response.Status.BAD_REQUEST)
			.build();
	}

}
