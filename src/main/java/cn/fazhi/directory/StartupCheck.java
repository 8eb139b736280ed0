package cn.fazhi.directory;

/**
 * A check that runs once the directory is applied and stops the start-up, with a message
 * that says why, when the installation is not safe to run.
 */
public interface StartupCheck {

	void check();

}
