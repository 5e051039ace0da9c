package io.azureglossary.analysis;

import io.azureglossary.model.Term;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ByteBlockPool;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;

/**
 * The analyzers of every field, and the alias synonym map built from the corpus.
 *
 * <ul>
 *   <li><b>prose</b> (section fields): standard tokens, lowercase, ASCII folding, stop words,
 *       possessives, KStem. Index and query side share the chain; the query side adds synonyms.
 *   <li><b>exact</b> (name and alias fields): the same without stemming, so "Logic app" does not
 *       match "logical".
 *   <li><b>cli</b> (command paths): whitespace tokens, lowercase, so {@code private-endpoint} stays
 *       one token; the prose fields split it into parts.
 * </ul>
 *
 * <p>Synonyms are query-time only ({@link SynonymGraphFilter} feeding graph-aware query building):
 * every alias maps to its term's name and the name to every alias, multi-word both ways. An alias
 * that is a short all-capitals acronym whose lowercase is an ordinary word (PIP, ATM, SIG, ER) is
 * one-way and case-aware: only "PIP" typed in capitals expands, and nothing expands to it. Immutable
 * and thread-safe.
 */
public final class GlossaryAnalysis {
  /** Bumped whenever an analysis chain changes, so persistent indexes know to rebuild. */
  public static final int VERSION = 2;

  /** Stop words: Lucene's English set plus the words of questions, which carry no topic. */
  static final CharArraySet STOP_WORDS;

  /**
   * Short words of everyday English that also appear as Azure acronyms; such acronyms only expand
   * when typed in capitals. {@code az} is here too: it is the CLI's prefix far more often than
   * "availability zone".
   */
  static final Set<String> COMMON_WORDS = Set.of(
      "am", "an", "as", "at", "az", "be", "by", "do", "er", "go", "he", "if", "in", "is", "it", "me",
      "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "ace", "ad", "ads", "age", "aim",
      "air", "all", "and", "ant", "any", "app", "arc", "are", "ark", "arm", "art", "ask", "ate",
      "atm", "bad", "bag", "ban", "bar", "bat", "bay", "bed", "bet", "bid", "big", "bin", "bit",
      "box", "bus", "but", "buy", "can", "cap", "car", "cat", "cog", "cot", "cow", "cry", "cup",
      "cut", "day", "den", "des", "dew", "did", "die", "dig", "dim", "dip", "dns", "doc", "dog",
      "dot", "dry", "due", "ear", "eat", "egg", "end", "era", "eye", "fan", "far", "fee", "few",
      "fig", "fin", "fit", "fix", "fly", "fog", "for", "fun", "fur", "gap", "gas", "get", "god",
      "got", "gum", "gun", "gut", "guy", "had", "ham", "has", "hat", "her", "hid", "him", "hip",
      "his", "hit", "hot", "how", "hub", "hug", "ice", "ill", "ink", "inn", "its", "jam", "jar",
      "jaw", "jet", "job", "jog", "joy", "key", "kid", "kit", "lab", "lag", "law", "lay", "leg",
      "let", "lid", "lie", "lip", "lit", "log", "lot", "low", "mad", "man", "map", "mat", "max",
      "may", "men", "mix", "mob", "mod", "mop", "mud", "mug", "nap", "net", "new", "nod", "nor",
      "not", "now", "nut", "oak", "odd", "off", "oil", "old", "one", "our", "out", "owe", "own",
      "pad", "pan", "pat", "pay", "pea", "pen", "pet", "pie", "pig", "pin", "pip", "pit", "pod",
      "pop", "pot", "put", "ram", "ran", "rat", "raw", "ray", "red", "rib", "rid", "rig", "rim",
      "rip", "rob", "rod", "rot", "row", "rub", "rug", "run", "sad", "sag", "sat", "saw", "say",
      "sea", "see", "set", "sew", "she", "shy", "sig", "sin", "sip", "sir", "sit", "six", "ski",
      "sky", "sly", "sod", "son", "sow", "soy", "spa", "spy", "sum", "sun", "tab", "tag", "tan",
      "tap", "tar", "tax", "tea", "ten", "the", "tie", "tin", "tip", "toe", "ton", "too", "top",
      "toy", "try", "tub", "two", "use", "van", "vat", "vet", "via", "vow", "war", "was", "wax",
      "way", "web", "wed", "wet", "who", "why", "wig", "win", "wit", "won", "yes", "yet", "you",
      "zip", "zoo", "able", "also", "area", "back", "base", "bass", "beam", "bear", "best", "blob",
      "boat", "body", "bond", "book", "boot", "born", "call", "came", "camp", "card", "care", "case",
      "cash", "cast", "cell", "chip", "city", "clip", "club", "code", "cold", "come", "cook", "cool",
      "copy", "core", "cost", "crew", "data", "date", "deal", "deck", "deep", "desk", "disk", "dock",
      "done", "door", "down", "draw", "drop", "dual", "duty", "each", "earn", "ease", "east", "easy",
      "edge", "else", "even", "ever", "face", "fact", "fail", "fair", "fall", "farm", "fast", "fear",
      "feed", "feel", "file", "fill", "film", "find", "fine", "fire", "firm", "fish", "five", "flag",
      "flat", "flow", "food", "foot", "form", "four", "free", "from", "fuel", "full", "fund", "gain",
      "game", "gate", "gave", "gift", "give", "glad", "goal", "goes", "gold", "golf", "gone", "good",
      "grab", "gray", "grew", "grid", "grow", "half", "hall", "hand", "hang", "hard", "harm", "hate",
      "have", "head", "hear", "heat", "held", "help", "here", "hero", "high", "hill", "hire", "hold",
      "hole", "home", "hook", "hope", "host", "hour", "huge", "hunt", "hurt", "idea", "into", "iron",
      "item", "join", "jump", "jury", "just", "keep", "kept", "kick", "kind", "king", "knew", "know",
      "lack", "lake", "land", "lane", "last", "late", "lead", "lean", "left", "lend", "less", "life",
      "lift", "like", "line", "link", "list", "live", "load", "loan", "lock", "long", "look", "loop",
      "lord", "lose", "loss", "lost", "loud", "love", "luck", "made", "mail", "main", "make", "male",
      "many", "mark", "mass", "meal", "mean", "meat", "meet", "menu", "mere", "mesh", "mild", "mile",
      "milk", "mind", "mine", "miss", "mode", "mood", "moon", "more", "most", "move", "much", "must",
      "name", "near", "neck", "need", "news", "next", "nice", "nine", "node", "none", "nose", "note",
      "once", "only", "onto", "open", "oral", "over", "pace", "pack", "page", "paid", "pain", "pair",
      "palm", "park", "part", "pass", "past", "path", "peak", "pick", "pile", "pink", "pipe", "plan",
      "play", "plot", "plug", "plus", "poll", "pool", "poor", "port", "pose", "post", "pour", "pull",
      "pump", "pure", "push", "race", "rack", "rail", "rain", "rank", "rare", "rate", "read", "real",
      "rely", "rent", "rest", "rice", "rich", "ride", "ring", "rise", "risk", "road", "rock", "role",
      "roll", "roof", "room", "root", "rose", "rule", "rush", "safe", "said", "sail", "sale", "salt",
      "same", "sand", "save", "seal", "seat", "seed", "seek", "seem", "seen", "self", "sell", "send",
      "sent", "ship", "shop", "shot", "show", "shut", "sick", "side", "sign", "sing", "site", "size",
      "skin", "slip", "slow", "snap", "snow", "soft", "soil", "sold", "sole", "some", "song", "soon",
      "sort", "soul", "spin", "spot", "star", "stay", "step", "stop", "such", "suit", "sure", "swap",
      "tail", "take", "tale", "talk", "tall", "tank", "tape", "task", "team", "tech", "tell", "tend",
      "term", "test", "text", "than", "that", "them", "then", "they", "thin", "this", "thus", "tide",
      "tier", "till", "time", "tiny", "tone", "took", "tool", "tour", "town", "tree", "trip", "true",
      "tube", "tune", "turn", "twin", "type", "unit", "upon", "used", "user", "vast", "very", "view",
      "vote", "wage", "wait", "wake", "walk", "wall", "want", "warm", "warn", "wash", "wave", "weak",
      "wear", "week", "well", "went", "were", "west", "what", "when", "whom", "wide", "wife", "wild",
      "will", "wind", "wine", "wing", "wire", "wise", "wish", "with", "wood", "word", "wore", "work",
      "yard", "yeah", "year", "your", "zero", "zone");

  static {
    CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    stop.addAll(List.of("how", "what", "why", "which", "do",
        "does", "did", "i", "me", "my", "we", "our", "you", "your", "can", "could", "should", "would",
        "vs", "versus", "difference", "between", "am", "has", "have", "its", "from",
        // the Azure CLI's prefix: in prose and commands it says nothing about which term is meant
        // ("AZ" in capitals is kept by the acronym filter and means availability zone)
        "az"));
    STOP_WORDS = CharArraySet.unmodifiableSet(stop);
  }

  private final Set<String> ambiguousAcronyms;
  private final SynonymMap synonyms;
  private final String fingerprint;
  private final Analyzer proseIndex;
  private final Analyzer exactIndex;
  private final Analyzer cliIndex;
  private final Analyzer spellIndex;
  private final Analyzer proseQuery;
  private final Analyzer exactQuery;
  private final Analyzer proseQueryNoSynonyms;
  private final Analyzer exactQueryNoSynonyms;

  private GlossaryAnalysis(Map<String, List<String>> groups) {
    this(findAmbiguousAcronyms(groups), groups);
  }

  private GlossaryAnalysis(Set<String> ambiguousAcronyms, Map<String, List<String>> groups) {
    this(ambiguousAcronyms, buildSynonyms(ambiguousAcronyms, groups), fingerprintOf(groups));
  }

  /** An analysis from its parts; {@link #read} gives them without deriving anything from the names again. */
  private GlossaryAnalysis(Set<String> ambiguousAcronyms, SynonymMap synonyms, String fingerprint) {
    this.ambiguousAcronyms = Set.copyOf(ambiguousAcronyms);
    this.fingerprint = fingerprint;
    this.synonyms = synonyms;
    this.proseIndex = analyzer(false, true, null);
    this.exactIndex = analyzer(false, false, null);
    this.proseQuery = analyzer(true, true, synonyms);
    this.exactQuery = analyzer(true, false, synonyms);
    this.proseQueryNoSynonyms = analyzer(true, true, null);
    this.exactQueryNoSynonyms = analyzer(true, false, null);
    this.cliIndex = cliAnalyzer();
    this.spellIndex = spellAnalyzer();
  }

  private static Analyzer cliAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer src = new WhitespaceTokenizer();
        return new TokenStreamComponents(src, new LowerCaseFilter(src));
      }

      @Override
      public int getPositionIncrementGap(String field) {
        return 100;
      }
    };
  }

  private static Analyzer spellAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer src = new StandardTokenizer();
        return new TokenStreamComponents(src, new ASCIIFoldingFilter(new LowerCaseFilter(src)));
      }
    };
  }

  /**
   * Writes what this analysis derived from the names and aliases (the synonym map, the case-aware
   * acronyms, the fingerprint) so that {@link #read} restores it without deriving anything again.
   * The caller frames the bytes (header, checksum).
   *
   * @param out where to write, from the current position
   * @throws IOException if {@code out} cannot be written
   */
  public void write(DataOutput out) throws IOException {
    out.writeVInt(VERSION);
    out.writeString(fingerprint);
    out.writeVInt(ambiguousAcronyms.size());
    for (String a : new TreeSet<>(ambiguousAcronyms)) {
      out.writeString(a);
    }
    out.writeVInt(synonyms.maxHorizontalContext);
    // the synonym words by id: their lengths, then all their bytes in one block (one read, no per-word array)
    BytesRef word = new BytesRef();
    int count = synonyms.words.size();
    out.writeVInt(count);
    long total = 0;
    for (int i = 0; i < count; i++) {
      synonyms.words.get(i, word);
      out.writeVInt(word.length);
      total += word.length;
    }
    out.writeVLong(total);
    for (int i = 0; i < count; i++) {
      synonyms.words.get(i, word);
      out.writeBytes(word.bytes, word.offset, word.length);
    }
    out.writeByte((byte) (synonyms.fst == null ? 0 : 1));
    if (synonyms.fst != null) {
      synonyms.fst.save(out, out);
    }
  }

  /**
   * Reads an analysis written by {@link #write}.
   *
   * @param in positioned where {@link #write} started writing
   * @return the analysis, as it was written
   * @throws IOException if the bytes were written by another analysis version, or are damaged
   */
  public static GlossaryAnalysis read(DataInput in) throws IOException {
    int version = in.readVInt();
    if (version != VERSION) {
      throw new IOException("saved analysis has version " + version + ", this library uses " + VERSION);
    }
    String fingerprint = in.readString();
    int acronymCount = in.readVInt();
    Set<String> acronyms = new TreeSet<>();
    for (int i = 0; i < acronymCount; i++) {
      acronyms.add(in.readString());
    }
    int maxHorizontalContext = in.readVInt();
    int wordCount = in.readVInt();
    int[] lengths = new int[wordCount];
    for (int i = 0; i < wordCount; i++) {
      lengths[i] = in.readVInt();
    }
    long total = in.readVLong();
    if (total > Integer.MAX_VALUE - 16) {
      throw new IOException("saved analysis has " + total + " bytes of synonym words");
    }
    byte[] block = new byte[(int) total];
    in.readBytes(block, 0, block.length);
    // sized up front: growing the table rehashes every word, which was most of a 100k-term open
    int capacity = Integer.highestOneBit(Math.max(16, wordCount * 2 - 1)) << 1;
    BytesRefHash words = new BytesRefHash(new ByteBlockPool(new ByteBlockPool.DirectAllocator()), capacity,
        new BytesRefHash.DirectBytesStartArray(capacity));
    BytesRef word = new BytesRef(block, 0, 0);
    for (int i = 0; i < wordCount; i++) {
      word.length = lengths[i];
      if (word.offset + word.length > block.length || words.add(word) != i) {
        throw new IOException("saved analysis has a damaged synonym word list at word " + i);
      }
      word.offset += word.length;
    }
    FST<BytesRef> fst = in.readByte() == 0 ? null
        : new FST<>(FST.readMetadata(in, ByteSequenceOutputs.getSingleton()), in);
    return new GlossaryAnalysis(acronyms, new SynonymMap(fst, words, maxHorizontalContext), fingerprint);
  }

  private static final AtomicBoolean PRELOADING = new AtomicBoolean();

  /**
   * Starts, once per JVM and on a daemon thread, the one-time set-up of the analysis classes: the
   * tokenizer's tables and the KStem dictionary take a fresh JVM about as long as opening the
   * bundled index does (120 and 200 ms on a 2-core machine), and depend on nothing in it, so an
   * opener calls this first and the two overlap. A search that needs them before they are ready
   * waits for the class initialization, as it would have done anyway.
   */
  public static void preloadInBackground() {
    if (!PRELOADING.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> {
      Tokenizer src = new StandardTokenizer();
      src.setReader(new java.io.StringReader("Azure's vaults were soft-deleted"));
      TokenStream chain = new StopFilter(new EnglishPossessiveFilter(new ASCIIFoldingFilter(
          new AcronymCaseFilter(src, Set.of()))), STOP_WORDS);
      try (TokenStream ts = new KStemFilter(new LowerCaseFilter(chain))) {
        ts.reset();
        while (ts.incrementToken()) {
          // only the classes' initialization is wanted
        }
        ts.end();
      } catch (IOException | RuntimeException e) {
        // warming only: the first search initializes the same classes and reports any problem
      }
    }, "glossary-analysis-preload");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Builds the analysis of a corpus: its synonym map comes from the terms' names and aliases.
   *
   * @param terms the corpus's terms
   * @return the analysis
   */
  public static GlossaryAnalysis forTerms(List<Term> terms) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (Term t : terms) {
      List<String> members = new ArrayList<>();
      members.add(t.name());
      members.addAll(t.aliases());
      groups.put(t.id(), members);
    }
    return new GlossaryAnalysis(groups);
  }

  /**
   * Builds the analysis from name groups read back from an index: term id to its name followed by
   * its aliases, in the same order as {@link #forTerms}, which gives the same fingerprint.
   *
   * @param groups term id to the term's name followed by its aliases
   * @return the analysis
   */
  public static GlossaryAnalysis forNameGroups(Map<String, List<String>> groups) {
    return new GlossaryAnalysis(new LinkedHashMap<>(groups));
  }

  private static Set<String> findAmbiguousAcronyms(Map<String, List<String>> groups) {
    Set<String> out = new TreeSet<>();
    for (List<String> members : groups.values()) {
      for (String a : members.subList(1, members.size())) {
        if (a.matches("[A-Z]{2,4}") && COMMON_WORDS.contains(a.toLowerCase(Locale.ROOT))) {
          out.add(a);
        }
      }
    }
    return Set.copyOf(out);
  }

  /**
   * The shared front of every text chain: standard tokens, acronym-aware lowercasing (query side),
   * folding, stop words. Synonym rules are analyzed with it too, so rule and query agree.
   */
  private static TokenStream front(Tokenizer src, boolean query, Set<String> ambiguousAcronyms) {
    TokenStream ts = query ? new AcronymCaseFilter(src, ambiguousAcronyms) : new LowerCaseFilter(src);
    ts = new ASCIIFoldingFilter(ts);
    ts = new EnglishPossessiveFilter(ts);
    return new StopFilter(ts, STOP_WORDS);
  }

  private Analyzer analyzer(boolean query, boolean stem, SynonymMap map) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer src = new StandardTokenizer();
        TokenStream ts = front(src, query, ambiguousAcronyms);
        if (map != null && map.fst != null) { // no fst: a corpus without aliases has no rules
          ts = new SynonymGraphFilter(ts, map, false);
        }
        if (query) {
          ts = new LowerCaseFilter(ts); // protected acronyms that did not fire a rule
        }
        if (stem) {
          ts = new KStemFilter(ts);
        }
        return new TokenStreamComponents(src, ts);
      }

      @Override
      public int getPositionIncrementGap(String field) {
        return 100;
      }
    };
  }

  private static SynonymMap buildSynonyms(Set<String> ambiguousAcronyms, Map<String, List<String>> groups) {
    Analyzer ruleAnalyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer src = new StandardTokenizer();
        return new TokenStreamComponents(src, front(src, true, ambiguousAcronyms));
      }
    };
    try (ruleAnalyzer) {
      RuleParser parser = new RuleParser(ruleAnalyzer);
      for (List<String> members : groups.values()) {
        String name = members.get(0);
        CharsRef nameRef = parser.analyzeOrNull(name);
        if (nameRef == null) {
          continue;
        }
        Set<CharsRef> seen = new LinkedHashSet<>();
        seen.add(nameRef);
        for (String alias : members.subList(1, members.size())) {
          CharsRef aliasRef = parser.analyzeOrNull(alias);
          if (aliasRef == null || !seen.add(aliasRef)) {
            continue;
          }
          parser.add(aliasRef, nameRef, true); // alias -> name, always
          if (!ambiguousAcronyms.contains(alias)) {
            parser.add(nameRef, aliasRef, true); // name -> alias, unless the alias is an everyday word
          }
        }
      }
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives access to {@link SynonymMap.Parser#analyze}, which analyzes a rule side like a query. */
  private static final class RuleParser extends SynonymMap.Parser {
    RuleParser(Analyzer analyzer) {
      super(true, analyzer);
    }

    @Override
    public void parse(Reader in) {
      throw new UnsupportedOperationException();
    }

    CharsRef analyzeOrNull(String text) throws IOException {
      try {
        return analyze(text, new CharsRefBuilder());
      } catch (IllegalArgumentException e) {
        return null; // all stop words, or empty after analysis
      }
    }
  }

  /**
   * The fingerprint {@link #forNameGroups} would give these groups, without building anything:
   * compare it with a built analysis's to know whether it still holds.
   *
   * @param groups term id to the term's name followed by its aliases, as {@link #forNameGroups} takes them
   * @return the fingerprint, 16 hex digits
   */
  public static String fingerprintOf(Map<String, List<String>> groups) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(("analysis-v" + VERSION + "\n").getBytes(StandardCharsets.UTF_8));
      for (var e : groups.entrySet()) {
        md.update((e.getKey() + "\t" + String.join("\t", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@return the index side of the prose section fields} */
  public Analyzer proseIndex() {
    return proseIndex;
  }

  /** {@return the index side of the name and alias fields} */
  public Analyzer exactIndex() {
    return exactIndex;
  }

  /** {@return both sides of the CLI command-path field} */
  public Analyzer cliIndex() {
    return cliIndex;
  }

  /** {@return the spelling field's analyzer: every word as written, lowercased, for "did you mean"} */
  public Analyzer spellIndex() {
    return spellIndex;
  }

  /** {@return the query side of prose fields, with alias synonyms} */
  public Analyzer proseQuery() {
    return proseQuery;
  }

  /** {@return the query side of prose fields without synonyms: for fuzzy fallback and the {@code -word} exclusion} */
  public Analyzer proseQueryNoSynonyms() {
    return proseQueryNoSynonyms;
  }

  /** {@return the query side of name and alias fields without synonyms} */
  public Analyzer exactQueryNoSynonyms() {
    return exactQueryNoSynonyms;
  }

  /** {@return the query side of name and alias fields, with alias synonyms} */
  public Analyzer exactQuery() {
    return exactQuery;
  }

  /**
   * The stop words every text chain drops, as written in lower case: Lucene's English set and the
   * words of questions. The set is case-sensitive, so an acronym typed in capitals that the
   * acronym filter keeps ("AZ") is not dropped. For exporting the analysis to another engine.
   *
   * @return the stop words, sorted
   */
  public static java.util.SortedSet<String> stopWords() {
    java.util.SortedSet<String> out = new TreeSet<>();
    for (Object w : STOP_WORDS) {
      out.add(new String((char[]) w));
    }
    return java.util.Collections.unmodifiableSortedSet(out);
  }

  /** {@return the acronyms that expand only when typed in capitals, and only one way} */
  public Set<String> ambiguousAcronyms() {
    return ambiguousAcronyms;
  }

  /**
   * A short hash of the analysis version and every name and alias: when it changes, an index built
   * with the old analysis must be rebuilt.
   *
   * @return 16 hex digits
   */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Normalizes a name, alias or whole query for exact matching: lowercase, single spaces, no punctuation at the ends.
   *
   * @param s the text as written
   * @return the normalized text, possibly empty
   */
  public static String normalizeExact(String s) {
    String n = s.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ").trim();
    return n.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
  }
}
