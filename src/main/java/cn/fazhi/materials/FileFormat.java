package cn.fazhi.materials;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The file formats accepted as case materials, each recognised by its extension AND by
 * its content, so that a program renamed to {@code 通知.pdf} is refused: a file extension
 * is only what the sender claims.
 * <ul>
 * <li>PDF, PNG, JPEG: their magic bytes at the start of the file.</li>
 * <li>DOCX, XLSX, OFD: ZIP containers; the ZIP signature is not enough (any ZIP archive
 * has it), so the archive's central directory must also list the entries that make the
 * format ({@code [Content_Types].xml} and {@code word/} or {@code xl/}; {@code OFD.xml}
 * for OFD, GB/T 33190). Only the names are read, nothing is decompressed, so a "ZIP bomb"
 * costs nothing.</li>
 * <li>DOC, XLS, WPS, ET: the OLE2 compound-file signature (WPS Office writes its own
 * formats in the same container).</li>
 * <li>TXT: no signature exists, so the content must be text: UTF-8 or GB18030 (the
 * encoding of Chinese Windows) without binary control bytes, or UTF-16 with a byte-order
 * mark. The content type then names the encoding, so the text is shown correctly when
 * downloaded.</li>
 * </ul>
 * The content type served on download is the one of the format found here, never the one
 * the uploading browser sent.
 */
enum FileFormat {

	PDF("PDF 文档", "application/pdf", List.of("pdf"),
			(bytes) -> startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))),
	OFD("OFD 版式文档", "application/ofd", List.of("ofd"), (bytes) -> isZipWith(bytes, "OFD.xml", null)),
	DOC("Word 97-2003 文档", "application/msword", List.of("doc"), FileFormat::isOle2),
	DOCX("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"),
			(bytes) -> isZipWith(bytes, "[Content_Types].xml", "word/")),
	WPS("WPS 文字文档", "application/wps-office.wps", List.of("wps"), FileFormat::isOle2),
	XLS("Excel 97-2003 工作簿", "application/vnd.ms-excel", List.of("xls"), FileFormat::isOle2),
	XLSX("Excel 工作簿", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
			(bytes) -> isZipWith(bytes, "[Content_Types].xml", "xl/")),
	ET("WPS 表格", "application/wps-office.et", List.of("et"), FileFormat::isOle2),
	TXT("文本文件", "text/plain", List.of("txt"), (bytes) -> textCharset(bytes).isPresent()),
	JPEG("JPEG 图片", "image/jpeg", List.of("jpg", "jpeg"), (bytes) -> startsWith(bytes, 0xFF, 0xD8, 0xFF)), PNG("PNG 图片",
			"image/png", List.of("png"), (bytes) -> startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A));

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private static final int ZIP_LOCAL_HEADER = 0x04034b50;

	private static final int ZIP_CENTRAL_HEADER = 0x02014b50;

	private static final int ZIP_END_OF_CENTRAL_DIRECTORY = 0x06054b50;

	private static final Charset GB18030 = Charset.forName("GB18030");

	private final String label;

	private final String contentType;

	private final List<String> extensions;

	private final Predicate<byte[]> signature;

	FileFormat(String label, String contentType, List<String> extensions, Predicate<byte[]> signature) {
		this.label = label;
		this.contentType = contentType;
		this.extensions = extensions;
		this.signature = signature;
	}

	/** The Chinese name of the format, for messages. */
	String label() {
		return this.label;
	}

	/** Whether the content really is of this format. */
	boolean matches(byte[] content) {
		return this.signature.test(content);
	}

	/** The content type to store and serve for this content (text: with its charset). */
	String contentType(byte[] content) {
		if (this == TXT) {
			return this.contentType + ";charset=" + textCharset(content).orElse(StandardCharsets.UTF_8).name();
		}
		return this.contentType;
	}

	static Optional<FileFormat> byExtension(String extension) {
		if (extension == null) {
			return Optional.empty();
		}
		String wanted = extension.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((format) -> format.extensions.contains(wanted)).findFirst();
	}

	/** "pdf、ofd、doc、…" for messages that list what is accepted. */
	static String allowedExtensions() {
		return Arrays.stream(values()).flatMap((format) -> format.extensions.stream()).collect(Collectors.joining("、"));
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		byte[] expected = new byte[prefix.length];
		for (int i = 0; i < prefix.length; i++) {
			expected[i] = (byte) prefix[i];
		}
		return startsWith(bytes, expected);
	}

	private static boolean isOle2(byte[] bytes) {
		return startsWith(bytes, OLE2);
	}

	/**
	 * A ZIP archive whose central directory lists {@code entry} and, when given, an entry
	 * under {@code folder}.
	 */
	static boolean isZipWith(byte[] bytes, String entry, String folder) {
		if (bytes.length < 4 || littleEndianInt(bytes, 0) != ZIP_LOCAL_HEADER) {
			return false;
		}
		List<String> names = zipEntryNames(bytes);
		return names.contains(entry) && (folder == null || names.stream().anyMatch((name) -> name.startsWith(folder)));
	}

	/**
	 * The entry names in a ZIP archive's central directory; empty when there is none or
	 * it is damaged. ZIP64 archives (over 4 GB or 65,535 entries) are not read: no case
	 * material is that large.
	 */
	static List<String> zipEntryNames(byte[] zip) {
		int end = -1;
		int lowest = Math.max(0, zip.length - 22 - 0xFFFF);
		for (int i = zip.length - 22; i >= lowest; i--) {
			if (littleEndianInt(zip, i) == ZIP_END_OF_CENTRAL_DIRECTORY) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			return List.of();
		}
		int count = littleEndianShort(zip, end + 10);
		long offset = Integer.toUnsignedLong(littleEndianInt(zip, end + 16));
		List<String> names = new ArrayList<>(count);
		long position = offset;
		for (int i = 0; i < count; i++) {
			if (position + 46 > zip.length || littleEndianInt(zip, (int) position) != ZIP_CENTRAL_HEADER) {
				return List.of();
			}
			int at = (int) position;
			int nameLength = littleEndianShort(zip, at + 28);
			int extraLength = littleEndianShort(zip, at + 30);
			int commentLength = littleEndianShort(zip, at + 32);
			if (at + 46L + nameLength > zip.length) {
				return List.of();
			}
			names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
			position = at + 46L + nameLength + extraLength + commentLength;
		}
		return names;
	}

	/**
	 * The encoding of a text file, or empty when the content is not text: UTF-16 with a
	 * byte-order mark; otherwise no NUL and no control bytes other than tab, line breaks,
	 * form feed and the old DOS end-of-file mark, and strictly decodable as UTF-8 or, for
	 * files saved on Chinese Windows, GB18030.
	 */
	static Optional<Charset> textCharset(byte[] bytes) {
		if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
			return (bytes.length % 2 == 0) ? Optional.of(StandardCharsets.UTF_16) : Optional.empty();
		}
		for (byte b : bytes) {
			if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) {
				return Optional.empty();
			}
		}
		if (decodes(bytes, StandardCharsets.UTF_8)) {
			return Optional.of(StandardCharsets.UTF_8);
		}
		return decodes(bytes, GB18030) ? Optional.of(GB18030) : Optional.empty();
	}

	private static boolean decodes(byte[] bytes, Charset charset) {
		try {
			charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static int littleEndianInt(byte[] bytes, int at) {
		if (at < 0 || at + 4 > bytes.length) {
			return 0;
		}
		return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
				| (bytes[at + 3] & 0xFF) << 24;
	}

	private static int littleEndianShort(byte[] bytes, int at) {
		if (at < 0 || at + 2 > bytes.length) {
			return 0;
		}
		return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
	}

}
