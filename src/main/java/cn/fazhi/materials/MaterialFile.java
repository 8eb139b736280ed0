package cn.fazhi.materials;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

import cn.fazhi.system.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded file that passed every rule for case materials: not empty, within the size
 * limit, a safe file name, an accepted format whose content matches its extension. Each
 * rule that fails refuses the upload with a Chinese message naming the parameter
 * {@value #PARAMETER}, before anything is stored.
 */
final class MaterialFile {

	static final String PARAMETER = "file";

	/** Longest file name kept, in characters (Camunda's NAME_ column holds 255). */
	static final int MAX_NAME_LENGTH = 200;

	/** Extensions longer than this are not kept whole when a long name is shortened. */
	private static final int MAX_EXTENSION_LENGTH = 10;

	/** Characters Windows does not allow in file names; replaced so downloads save. */
	private static final String FORBIDDEN = "<>:\"|?*";

	private final String name;

	private final FileFormat format;

	private final byte[] content;

	private final String sha256;

	private MaterialFile(String name, FileFormat format, byte[] content) {
		this.name = name;
		this.format = format;
		this.content = content;
		this.sha256 = sha256(content);
	}

	/** Checks an upload against the rules, in the order a person would fix them. */
	static MaterialFile of(MultipartFile file, DataSize limit) {
		if (file == null) {
			throw ApiException.badRequest(PARAMETER, "缺少必填参数 file：请选择要上传的材料文件");
		}
		String name = sanitizeName(file.getOriginalFilename());
		String shown = name.isEmpty() ? "" : "“" + name + "”";
		if (file.isEmpty()) {
			throw ApiException.badRequest(PARAMETER, "上传的文件" + shown + "是空文件（0 字节），请检查文件后重新上传");
		}
		if (file.getSize() > limit.toBytes()) {
			throw tooLarge("文件" + shown + "大小为 " + size(file.getSize()) + "，超过上限：单个材料不得超过 " + size(limit.toBytes())
					+ "。请压缩或拆分后分别上传");
		}
		if (name.isEmpty()) {
			throw ApiException.badRequest(PARAMETER, "上传的文件没有文件名，请为文件命名（例如“起草说明.pdf”）后重新上传");
		}
		String extension = extensionOf(name);
		if (extension.isEmpty()) {
			throw unsupported("文件" + shown + "没有扩展名，无法确定文件格式。可上传的格式：" + FileFormat.allowedExtensions());
		}
		FileFormat format = FileFormat.byExtension(extension)
			.orElseThrow(() -> unsupported(
					"不接受 ." + extension + " 格式的文件" + shown + "。可上传的格式：" + FileFormat.allowedExtensions()));
		byte[] content = read(file);
		if (!format.matches(content)) {
			throw unsupported("文件" + shown + "的内容不是" + format.label() + "：扩展名 ." + extension
					+ " 与文件的实际内容不符，文件可能已损坏或被改过扩展名。请上传原始文件");
		}
		return new MaterialFile(name, format, content);
	}

	/**
	 * The name to keep: the last path segment only (browsers and tools may send
	 * {@code C:\fakepath\…} or {@code ../../…}), without control, invisible formatting
	 * (e.g. right-to-left overrides that disguise {@code .exe}) and characters Windows
	 * forbids, without leading dots and trailing dots or spaces, at most
	 * {@value #MAX_NAME_LENGTH} characters with the extension kept. Empty when nothing
	 * usable is left.
	 */
	static String sanitizeName(String original) {
		if (original == null) {
			return "";
		}
		String name = Normalizer.normalize(original, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder();
		name.codePoints().forEach((codePoint) -> {
			if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
				return;
			}
			kept.appendCodePoint((FORBIDDEN.indexOf(codePoint) >= 0) ? '_' : codePoint);
		});
		name = kept.toString().strip();
		name = name.replaceFirst("^[.\\s]+", "").replaceFirst("[.\\s]+$", "");
		return shorten(name);
	}

	private static String shorten(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= MAX_EXTENSION_LENGTH + 1) ? name.substring(dot) : "";
		String base = name.substring(0, name.length() - extension.length());
		int keep = MAX_NAME_LENGTH - extension.length();
		return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
	}

	/** The lower-case extension after the last dot, empty when there is none. */
	static String extensionOf(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * A size as people read it: 20MB, 1.5MB, 812KB, 96 字节. Rounded up, so that a file
	 * just over a limit never reads as the limit itself.
	 */
	static String size(long bytes) {
		if (bytes >= DataSize.ofMegabytes(1).toBytes()) {
			return decimal(bytes / (double) DataSize.ofMegabytes(1).toBytes()) + "MB";
		}
		if (bytes >= DataSize.ofKilobytes(1).toBytes()) {
			return decimal(bytes / (double) DataSize.ofKilobytes(1).toBytes()) + "KB";
		}
		return bytes + " 字节";
	}

	private static String decimal(double value) {
		String text = String.format(Locale.ROOT, "%.1f", Math.ceil(value * 10) / 10);
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}

	static ApiException tooLarge(String message) {
		return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, PARAMETER, message);
	}

	private static ApiException unsupported(String message) {
		return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, PARAMETER, message);
	}

	private static byte[] read(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw ApiException.badRequest(PARAMETER, "读取上传的文件时出错，请重新上传");
		}
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	String name() {
		return this.name;
	}

	String contentType() {
		return this.format.contentType(this.content);
	}

	byte[] content() {
		return this.content;
	}

	long size() {
		return this.content.length;
	}

	String sha256() {
		return this.sha256;
	}

}
