package io.azureglossary.opensearch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Where a cluster is and how to authenticate to it. Credentials come from the environment only,
 * never from a command line: {@value #API_KEY} (sent as {@code Authorization: ApiKey ...}), or
 * {@value #USERNAME} and {@value #PASSWORD} (HTTP basic); none for a cluster without security. An
 * {@code https} URL is verified against the JVM's trust store ({@code -Djavax.net.ssl.trustStore}
 * to add a private CA).
 *
 * @param url the cluster's base URL, such as {@code https://search.example.com:9200}
 * @param authorization the {@code Authorization} header value, or null for none
 * @param credentialSource which variables the credentials came from, for messages; null for none
 */
public record ClusterConnection(URI url, String authorization, String credentialSource) {
  /** Environment variable: an API key, sent as {@code ApiKey KEY}. */
  public static final String API_KEY = "OPENSEARCH_API_KEY";
  /** Environment variable: the user name for HTTP basic authentication. */
  public static final String USERNAME = "OPENSEARCH_USERNAME";
  /** Environment variable: the password for HTTP basic authentication. */
  public static final String PASSWORD = "OPENSEARCH_PASSWORD";

  /** Checks the URL: http or https, with a host. */
  public ClusterConnection {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("cluster URL must be http:// or https:// with a host (got '" + url + "')");
    }
    if (url.getUserInfo() != null) {
      throw new IllegalArgumentException("cluster URL must not hold credentials; set " + USERNAME + " and "
          + PASSWORD + " or " + API_KEY + " in the environment");
    }
  }

  /**
   * A connection to {@code url} with the credentials of {@code env}: the API key if set, else the
   * user name and password if both are set, else none.
   *
   * @param url the cluster's base URL
   * @param env the environment, such as {@code System.getenv()}
   * @return the connection
   * @throws IllegalArgumentException if the URL is not http(s), or only one of user name and password is set
   */
  public static ClusterConnection of(String url, Map<String, String> env) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cluster URL '" + url + "' is not a URL: " + e.getMessage());
    }
    String key = blankToNull(env.get(API_KEY));
    if (key != null) {
      return new ClusterConnection(uri, "ApiKey " + key, API_KEY);
    }
    String user = blankToNull(env.get(USERNAME));
    String password = env.get(PASSWORD);
    if (user != null && password != null) {
      String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return new ClusterConnection(uri, "Basic " + basic, USERNAME + "/" + PASSWORD);
    }
    if (user != null || password != null) {
      throw new IllegalArgumentException("set both " + USERNAME + " and " + PASSWORD + " (only one is set)");
    }
    return new ClusterConnection(uri, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The URL only: the credentials are never printed. */
  @Override
  public String toString() {
    return url.toString();
  }
}
