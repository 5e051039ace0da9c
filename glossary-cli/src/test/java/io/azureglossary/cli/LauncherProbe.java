package io.azureglossary.cli;

/**
 * Stands in for the CLI in {@link LauncherTest}: prints the JDK it runs on, the options it was
 * started with and its arguments, one per line.
 */
public final class LauncherProbe {
  private LauncherProbe() {}

  public static void main(String[] args) {
    System.out.println("java.home=" + System.getProperty("java.home"));
    for (String a : ProcessHandle.current().info().arguments().orElse(new String[0])) {
      System.out.println("jvm-arg=" + a);
    }
    System.out.println("args=" + String.join("|", args));
  }
}
