package cn.fazhi.materials;

import cn.fazhi.system.web.ApiError;
import cn.fazhi.system.web.ApiException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Refusals of multipart uploads as {@link ApiError} JSON instead of Spring's HTML error
 * page. They happen while the request is being received, before any controller is chosen,
 * so only an unrestricted advice sees them; case materials are the only multipart upload
 * of Fazhi's own API.
 */
@RestControllerAdvice
class UploadErrors {

	private final MaterialsProperties properties;

	UploadErrors(MaterialsProperties properties) {
		this.properties = properties;
	}

	/**
	 * Over {@code spring.servlet.multipart.*}, which follow {@code fazhi.materials.*}.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException ex) {
		return refuse(MaterialFile.tooLarge(
				"上传的文件超过大小上限：单个材料不得超过 " + MaterialFile.size(this.properties.maxFileSize().toBytes()) + "。请压缩或拆分后分别上传"));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiError> malformed(MultipartException ex) {
		return refuse(ApiException.badRequest(MaterialFile.PARAMETER, "上传请求不完整或格式不正确（应为 multipart/form-data），请重新上传"));
	}

	private static ResponseEntity<ApiError> refuse(ApiException ex) {
		return ResponseEntity.status(ex.getStatus()).body(ex.toError());
	}

}
