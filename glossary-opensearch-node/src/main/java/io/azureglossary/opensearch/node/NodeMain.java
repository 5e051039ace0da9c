package io.azureglossary.opensearch.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node for tests and runs until its standard input closes, so that the node
 * never outlives the JVM that started it, even one killed without a chance to clean up. Arguments:
 * the node's base folder (created and deleted here) and its HTTP port on 127.0.0.1. Prints
 * {@value #READY} and the URL when the cluster is at least yellow; any failure is printed whole and
 * ends the process with exit code 1.
 */
public final class NodeMain {
  /** The line's start that says the node answers. */
  public static final String READY = "OPENSEARCH-NODE READY ";

  private NodeMain() {}

  /**
   * Runs the node.
   *
   * @param args base folder, HTTP port
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: NodeMain BASE_DIR HTTP_PORT");
      System.exit(2);
    }
    Path base = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.setMaxHttpPort(port + 1);
    int code = 0;
    try {
      runner.onBuild((n, settings) -> {
        settings.put("network.host", "127.0.0.1");
        settings.put("http.cors.enabled", false);
        settings.put("discovery.type", "single-node");
        // the tests load at most a synthetic glossary of a few thousand terms: no disk watermarks on a shared disk
        settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
      });
      // node 1 listens on baseHttpPort + 1
      runner.build(OpenSearchRunner.newConfigs().numOfNode(1).basePath(base.toString())
          .baseHttpPort(port - 1).clusterName("glossary-test").printOnFailure());
      runner.ensureYellow();
      System.out.println(READY + "http://127.0.0.1:" + port);
      System.out.flush();
      InputStream in = System.in;
      while (in.read() >= 0) {
        // the parent writes nothing: end of input means it is gone or asks us to stop
      }
    } catch (Throwable e) {
      e.printStackTrace();
      code = 1;
    } finally {
      try {
        runner.close();
      } catch (IOException | RuntimeException e) {
        e.printStackTrace();
      }
      runner.clean();
    }
    System.exit(code);
  }
}
