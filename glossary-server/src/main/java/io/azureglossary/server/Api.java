package io.azureglossary.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.azureglossary.corpus.TermJson;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Section;
import io.azureglossary.model.Term;
import io.azureglossary.search.InvalidQueryException;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import io.azureglossary.search.Suggestion;
import io.azureglossary.server.Metrics.Endpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every request: routes it, answers it, and counts it. Only GET and HEAD are served; errors are
 * JSON {@code {"error", "status"}} (the term page's 404 is HTML), never a stack trace.
 */
final class Api implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(Api.class.getName());

  /** Longest request target (path and query) answered; longer is a 414. */
  static final int MAX_TARGET = 8192;
  /** Most results one search returns over HTTP. */
  static final int MAX_LIMIT = 100;

  private static final List<String> SEARCH_PARAMS = List.of("q", "limit", "service", "category", "difficulty", "section");
  private static final List<String> SUGGEST_PARAMS = List.of("q", "limit");
  private static final List<String> DIFFICULTIES = Arrays.stream(Difficulty.values()).map(Difficulty::label).toList();
  private static final List<String> SECTIONS = Arrays.stream(Section.values()).map(Section::key).toList();
  private static final Set<String> CATEGORY_SET = Set.copyOf(Term.CATEGORIES);
  private static final Set<String> DIFFICULTY_SET = Set.copyOf(DIFFICULTIES);
  private static final Set<String> SECTION_SET = Set.copyOf(SECTIONS);
  private static final String PATHS = "/, /terms/ID, /api/search, /api/suggest, /api/terms/ID, /healthz, /metrics";
  /** The page's scripts and styles come from this server only; nothing inline, nothing from outside. */
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
      + " img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private final Served served;
  private final StaticFiles files;
  private final Metrics metrics;

  Api(Served served, StaticFiles files, Metrics metrics) {
    this.served = served;
    this.files = files;
    this.metrics = metrics;
  }

  @Override
  public void handle(HttpExchange ex) {
    long start = System.nanoTime();
    metrics.started();
    Endpoint endpoint = Endpoint.OTHER;
    int status = 500;
    try {
      URI uri = ex.getRequestURI();
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      endpoint = endpoint(path);
      status = answer(ex, endpoint, uri, path);
    } catch (ApiException e) {
      status = error(ex, e.status(), e.getMessage());
    } catch (IOException e) {
      status = ex.getResponseCode() > 0 ? ex.getResponseCode() : 499; // the client went away
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "cannot answer " + ex.getRequestMethod() + " " + ex.getRequestURI(), e);
      status = error(ex, 500, "internal error: the server could not answer this request (its log says why)");
    } finally {
      ex.close();
      metrics.finished(endpoint, status, System.nanoTime() - start);
    }
  }

  private static Endpoint endpoint(String path) {
    return switch (path) {
      case "/api/search" -> Endpoint.SEARCH;
      case "/api/suggest" -> Endpoint.SUGGEST;
      case "/healthz" -> Endpoint.HEALTHZ;
      case "/metrics" -> Endpoint.METRICS;
      case "/", "/static/app.js", "/static/style.css" -> Endpoint.PAGE;
      default -> path.startsWith("/api/terms/") ? Endpoint.TERM : path.startsWith("/terms/") ? Endpoint.TERM_PAGE
          : Endpoint.OTHER;
    };
  }

  private int answer(HttpExchange ex, Endpoint endpoint, URI uri, String path) throws IOException {
    int target = path.length() + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1);
    if (target > MAX_TARGET) {
      throw new ApiException(414, "the request target is " + target + " characters long; at most " + MAX_TARGET
          + " are accepted");
    }
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      throw new ApiException(405, "method " + Params.shorten(method) + " is not allowed; only GET and HEAD are");
    }
    Headers in = ex.getRequestHeaders();
    String length = in.getFirst("Content-Length");
    if (in.containsKey("Transfer-Encoding") || (length != null && !length.equals("0"))) {
      throw new ApiException(413, "a GET request takes no body");
    }
    return switch (endpoint) {
      case SEARCH -> search(ex, uri);
      case SUGGEST -> suggest(ex, uri);
      case TERM -> term(ex, uri, path.substring("/api/terms/".length()));
      case TERM_PAGE -> termPage(ex, uri, path.substring("/terms/".length()));
      case HEALTHZ -> health(ex, uri);
      case METRICS -> metrics(ex, uri);
      case PAGE -> page(ex, path);
      case OTHER -> throw ApiException.notFound("no such path '" + Params.shorten(uri.getPath()) + "' (this server has "
          + PATHS + ")");
    };
  }

  private int search(HttpExchange ex, URI uri) throws IOException {
    Params p = Params.parse(uri.getRawQuery(), SEARCH_PARAMS);
    String q = p.required("q");
    if (q.isBlank()) {
      throw ApiException.badRequest("parameter 'q' must not be blank");
    }
    String service = p.get("service");
    if (service != null && service.length() > 200) {
      throw ApiException.badRequest("parameter 'service' is longer than 200 characters");
    }
    if (service != null && !service.isEmpty()) {
      List<String> services = served.glossary().services(); // the live terms' services, in order
      if (services.stream().noneMatch(service::equalsIgnoreCase)) {
        throw ApiException.badRequest("parameter 'service' must be one of " + String.join(", ", services)
            + " (got '" + Params.shorten(service) + "')");
      }
    }
    SearchRequest request = SearchRequest.of(q)
        .limit(p.integer("limit", 10, 1, MAX_LIMIT))
        .service(service == null || service.isEmpty() ? null : service)
        .category(p.oneOf("category", CATEGORY_SET, Term.CATEGORIES))
        .section(p.oneOf("section", SECTION_SET, SECTIONS));
    String difficulty = p.oneOf("difficulty", DIFFICULTY_SET, DIFFICULTIES);
    if (difficulty != null) {
      request = request.difficulty(Difficulty.fromLabel(difficulty));
    }
    SearchResponse r;
    try {
      r = served.glossary().search(request);
    } catch (InvalidQueryException e) {
      throw ApiException.badRequest("parameter 'q': " + e.getMessage());
    }
    return send(ex, 200, Body.json(ApiJson.search(r, false)), null);
  }

  private int suggest(HttpExchange ex, URI uri) throws IOException {
    Params p = Params.parse(uri.getRawQuery(), SUGGEST_PARAMS);
    String q = p.required("q");
    int limit = p.integer("limit", 10, 1, 100);
    List<Suggestion> s = served.glossary().suggest(q, limit);
    return send(ex, 200, Body.json(ApiJson.suggestions(q, s, false)), null);
  }

  private int term(HttpExchange ex, URI uri, String rawId) throws IOException {
    Params.parse(uri.getRawQuery(), List.of());
    String id = idOf(uri, "/api/terms/");
    Optional<Term> term = id == null ? Optional.empty() : served.glossary().term(id);
    if (term.isEmpty()) {
      Suggestion closest = closest(id == null ? rawId : id);
      throw ApiException.notFound("no term '" + Params.shorten(id == null ? rawId : id) + "'"
          + (closest == null ? "" : " (did you mean '" + closest.id() + "'?)"));
    }
    return send(ex, 200, Body.tagged(TermJson.write(term.get()).getBytes(StandardCharsets.UTF_8), Body.JSON), null);
  }

  private int termPage(HttpExchange ex, URI uri, String rawId) throws IOException {
    Params.parse(uri.getRawQuery(), List.of());
    String id = idOf(uri, "/terms/");
    Optional<Term> term = id == null ? Optional.empty() : served.glossary().term(id);
    if (term.isEmpty()) {
      String shown = Params.shorten(id == null ? rawId : id);
      Suggestion closest = closest(shown);
      return send(ex, 404, Body.text(TermPage.missing(shown, closest == null ? null : closest.id(),
          closest == null ? null : closest.name()), Body.HTML), null);
    }
    return send(ex, 200, Body.tagged(TermPage.render(term.get()).getBytes(StandardCharsets.UTF_8), Body.HTML), null);
  }

  /** The id after the prefix, percent-decoded; null when it is empty or holds a slash. */
  private static String idOf(URI uri, String prefix) {
    String path = uri.getPath();
    String id = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
    return id.isEmpty() || id.indexOf('/') >= 0 ? null : id;
  }

  private Suggestion closest(String id) {
    List<Suggestion> s = served.glossary().suggest(id.replace('-', ' '), 1);
    return s.isEmpty() ? null : s.get(0);
  }

  private int health(HttpExchange ex, URI uri) throws IOException {
    Params.parse(uri.getRawQuery(), List.of());
    Served.Health h = served.health();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "ok");
    m.put("generation", h.generation());
    m.put("terms", h.terms());
    m.put("builtAt", h.builtAt() == null ? null : h.builtAt().toString());
    m.put("corpusHash", h.corpusHash());
    m.put("source", h.source());
    return send(ex, 200, Body.json(ApiJson.object(m)), null);
  }

  private int metrics(HttpExchange ex, URI uri) throws IOException {
    Params.parse(uri.getRawQuery(), List.of());
    return send(ex, 200, Body.text(metrics.text(served.health()), "text/plain; version=0.0.4; charset=utf-8"), null);
  }

  private int page(HttpExchange ex, String path) throws IOException {
    StaticFiles.File f = files.get(path);
    return send(ex, 200, f.body(), f.gzipped());
  }

  /** Sends the body, or a 304 when the client holds it already; gzipped when the client takes gzip. */
  private static int send(HttpExchange ex, int status, Body body, byte[] gzipped) throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", body.contentType());
    h.set("X-Content-Type-Options", "nosniff");
    if (body.contentType().startsWith("text/html")) {
      h.set("Content-Security-Policy", CSP);
      h.set("Referrer-Policy", "no-referrer");
    }
    if (body.etag() != null) {
      h.set("ETag", body.etag());
      h.set("Cache-Control", "no-cache"); // kept, and revalidated: a reindex may change it
      if (status == 200 && matches(ex.getRequestHeaders().getFirst("If-None-Match"), body.etag())) {
        ex.sendResponseHeaders(304, -1);
        return 304;
      }
    } else {
      h.set("Cache-Control", "no-store");
    }
    byte[] bytes = body.bytes();
    if (bytes.length >= Body.GZIP_MIN) {
      h.set("Vary", "Accept-Encoding");
      if (acceptsGzip(ex.getRequestHeaders().getFirst("Accept-Encoding"))) {
        bytes = gzipped != null ? gzipped : Body.gzip(bytes);
        h.set("Content-Encoding", "gzip");
      }
    }
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(status, -1);
      return status;
    }
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }

  /** Answers with {@code {"error", "status"}}, unless the response has begun (then the connection just closes). */
  private static int error(HttpExchange ex, int status, String message) {
    if (ex.getResponseCode() > 0) {
      return ex.getResponseCode();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    m.put("status", status);
    try {
      if (status == 413 || status == 414) {
        ex.getResponseHeaders().set("Connection", "close"); // a client this far off is not kept
      }
      return send(ex, status, Body.json(ApiJson.object(m)), null);
    } catch (IOException e) {
      return status;
    }
  }

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an Accept-Encoding header admits gzip: named (or {@code *}) without {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] bits = part.split(";");
      String coding = bits[0].strip();
      if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
        for (int i = 1; i < bits.length; i++) {
          String param = bits[i].strip().replace(" ", "");
          if (param.startsWith("q=") && param.substring(2).matches("0(\\.0{0,3})?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }
}
