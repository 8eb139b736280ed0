package cn.fazhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FazhiApplication {

	public static void main(String[] args) {
		SpringApplication.run(FazhiApplication.class, args);
	}

}
