package cn.fazhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FazhiApplication {

	public static void main(String[] args) {
		SpringApplication.run(FazhiApplication.class, args);
	}

}
