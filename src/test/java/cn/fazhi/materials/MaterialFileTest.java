package cn.fazhi.materials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.fazhi.system.web.ApiException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules a file must pass to become a case material: the format is recognised by its
 * content as well as by its extension, names are made safe, empty and oversized files are
 * refused, each with the status and Chinese message the API answers.
 */
@DisplayName("案卷材料：文件类型识别与文件名")
class MaterialFileTest {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1, 0, 0, 0, 0 };

	/** The start of every Windows program (PE/MZ header). */
	static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0 };

	static final byte[] DOCX = zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");

	static final byte[] XLSX = zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml");

	static final byte[] OFD = zip("OFD.xml", "Doc_0/Document.xml");

	@Test
	void shouldRecogniseEveryAcceptedFormatByItsContent() {
		assertThat(FileFormat.PDF.matches(PDF)).isTrue();
		assertThat(FileFormat.PNG.matches(PNG)).isTrue();
		assertThat(FileFormat.JPEG.matches(JPEG)).isTrue();
		assertThat(FileFormat.DOCX.matches(DOCX)).isTrue();
		assertThat(FileFormat.XLSX.matches(XLSX)).isTrue();
		assertThat(FileFormat.OFD.matches(OFD)).isTrue();
		for (FileFormat ole : new FileFormat[] { FileFormat.DOC, FileFormat.XLS, FileFormat.WPS, FileFormat.ET }) {
			assertThat(ole.matches(OLE2)).as(ole.name()).isTrue();
		}
		assertThat(FileFormat.TXT.matches("会议纪要\r\n一、参会人员：张伟、孙丽\n".getBytes(StandardCharsets.UTF_8))).isTrue();
	}

	@Test
	void shouldRefuseAProgramWhateverItIsCalled() {
		for (FileFormat format : FileFormat.values()) {
			assertThat(format.matches(EXE)).as(format.name()).isFalse();
		}
	}

	@Test
	void shouldNotTakeOneFormatForAnother() {
		assertThat(FileFormat.PDF.matches(PNG)).isFalse();
		assertThat(FileFormat.PNG.matches(JPEG)).isFalse();
		assertThat(FileFormat.JPEG.matches(PDF)).isFalse();
		assertThat(FileFormat.DOCX.matches(XLSX)).isFalse();
		assertThat(FileFormat.XLSX.matches(DOCX)).isFalse();
		assertThat(FileFormat.DOCX.matches(OLE2)).isFalse();
		assertThat(FileFormat.DOC.matches(DOCX)).isFalse();
		assertThat(FileFormat.OFD.matches(DOCX)).isFalse();
		// "%PDF-" further in is not a PDF header
		assertThat(FileFormat.PDF.matches(concat(EXE, PDF))).isFalse();
	}

	@Test
	void shouldRefuseAnyZipArchiveThatIsNotTheOfficeFormat() {
		// given: an archive with a program in it, renamed to .docx
		byte[] archive = zip("setup.exe", "readme.txt");
		// then
		assertThat(FileFormat.DOCX.matches(archive)).isFalse();
		assertThat(FileFormat.XLSX.matches(archive)).isFalse();
		assertThat(FileFormat.OFD.matches(archive)).isFalse();
		// and a damaged archive (cut off before its directory) is not read as one
		assertThat(FileFormat.DOCX.matches(Arrays.copyOf(DOCX, DOCX.length / 2))).isFalse();
		assertThat(FileFormat.zipEntryNames(DOCX)).containsExactly("[Content_Types].xml", "_rels/.rels",
				"word/document.xml");
	}

	@Test
	void shouldTellTheEncodingOfTextFiles() {
		String text = "关于《示范市城市绿线管理办法》的起草说明";
		assertThat(FileFormat.TXT.contentType(text.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("text/plain;charset=UTF-8");
		assertThat(FileFormat.TXT.contentType(text.getBytes(Charset.forName("GB18030"))))
			.isEqualTo("text/plain;charset=GB18030");
		byte[] utf16 = concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, text.getBytes(StandardCharsets.UTF_16LE));
		assertThat(FileFormat.TXT.matches(utf16)).isTrue();
		// binary content is not text
		assertThat(FileFormat.TXT.matches(PNG)).isFalse();
		assertThat(FileFormat.TXT.matches(new byte[] { 'a', 0, 'b' })).isFalse();
		assertThat(FileFormat.TXT.matches(new byte[] { 'a', (byte) 0xFF, (byte) 0xFF, 'b' })).isFalse();
	}

	@Test
	void shouldAcceptAMatchingFileAndHashIt() {
		// when
		MaterialFile file = MaterialFile.of(upload("起草说明.PDF", PDF), DataSize.ofMegabytes(20));
		// then
		assertThat(file.name()).isEqualTo("起草说明.PDF");
		assertThat(file.contentType()).isEqualTo("application/pdf");
		assertThat(file.size()).isEqualTo(PDF.length);
		assertThat(file.sha256()).hasSize(64).isEqualTo(MaterialFile.sha256(PDF));
		assertThat(MaterialFile.of(upload("照片.JPEG", JPEG), DataSize.ofMegabytes(1)).contentType())
			.isEqualTo("image/jpeg");
	}

	@Test
	void shouldRefuseARenamedProgramWith415() {
		assertRefused(upload("通知.pdf", EXE), 415, "不是PDF 文档", "扩展名 .pdf 与文件的实际内容不符");
		assertRefused(upload("setup.exe", EXE), 415, "不接受 .exe 格式",
				"pdf、ofd、doc、docx、wps、xls、xlsx、et、txt、jpg、jpeg、png");
		assertRefused(upload("说明", PDF), 415, "没有扩展名");
	}

	@Test
	void shouldRefuseEmptyAndMissingFilesWith400() {
		assertRefused(upload("起草说明.pdf", new byte[0]), 400, "“起草说明.pdf”是空文件");
		assertThatThrownBy(() -> MaterialFile.of(null, DataSize.ofMegabytes(1)))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.getMessage()).contains("缺少必填参数 file"));
		assertRefused(upload("../", PDF), 400, "没有文件名");
	}

	@Test
	void shouldRefuseAFileOverTheLimitWith413() {
		// given
		byte[] big = concat(PDF, new byte[2048]);
		// then
		assertThatThrownBy(() -> MaterialFile.of(upload("评估报告.pdf", big), DataSize.ofKilobytes(2)))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> {
				assertThat(ex.getStatus().value()).isEqualTo(413);
				assertThat(ex.getParameter()).isEqualTo("file");
				assertThat(ex.getMessage()).contains("单个材料不得超过 2KB").contains("大小为 2.1KB");
			});
		// and exactly at the limit is fine
		assertThat(MaterialFile.of(upload("评估报告.pdf", big), DataSize.ofBytes(big.length)).size()).isEqualTo(big.length);
	}

	@Test
	void shouldKeepOnlyASafeFileName() {
		assertThat(MaterialFile.sanitizeName("C:\\fakepath\\起草说明.docx")).isEqualTo("起草说明.docx");
		assertThat(MaterialFile.sanitizeName("../../etc/会议纪要.txt")).isEqualTo("会议纪要.txt");
		assertThat(MaterialFile.sanitizeName("  ..hidden.pdf. ")).isEqualTo("hidden.pdf");
		assertThat(MaterialFile.sanitizeName("意见<汇总>:第1稿?.pdf")).isEqualTo("意见_汇总__第1稿_.pdf");
		assertThat(MaterialFile.sanitizeName("报告\u0000\r\n.pdf")).isEqualTo("报告.pdf");
		// a right-to-left override would show "report_exe.pdf" for a program
		assertThat(MaterialFile.sanitizeName("report_\u202Efdp.exe")).isEqualTo("report_fdp.exe");
		assertThat(MaterialFile.sanitizeName(null)).isEmpty();
		// long names are cut to 200 characters, keeping the extension
		String shortened = MaterialFile.sanitizeName("长".repeat(300) + ".docx");
		assertThat(shortened).hasSize(200).endsWith("长.docx");
		assertThat(MaterialFile.extensionOf(shortened)).isEqualTo("docx");
	}

	@Test
	void shouldStateSizesAsPeopleReadThem() {
		assertThat(MaterialFile.size(DataSize.ofMegabytes(20).toBytes())).isEqualTo("20MB");
		assertThat(MaterialFile.size(1536 * 1024)).isEqualTo("1.5MB");
		assertThat(MaterialFile.size(2048)).isEqualTo("2KB");
		assertThat(MaterialFile.size(96)).isEqualTo("96 字节");
	}

	private static void assertRefused(MockMultipartFile file, int status, String... message) {
		assertThatThrownBy(() -> MaterialFile.of(file, DataSize.ofMegabytes(20)))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> {
				assertThat(ex.getStatus().value()).isEqualTo(status);
				assertThat(ex.getParameter()).isEqualTo("file");
				assertThat(ex.getMessage()).contains(message);
			});
	}

	private static MockMultipartFile upload(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	static byte[] zip(String... entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write(("<x>" + entry + "</x>").getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
