package io.handoff.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Texts in several languages, Zendesk's dynamic content: {@code workflows/dynamic-content.yaml} defines
 * items, each with one text per language and a fallback language; rule texts use an item as the
 * placeholder {@code {{dc.name}}}, which renders the variant in the customer's language (the detected
 * language of the conversation, else the customer's locale), else the item's fallback. A variant may
 * itself hold the placeholders of the place that uses it ({@code {{customer.name}}}, {@code
 * {{ticket.id}}} …), rendered with the same values.
 *
 * @param items item name → item
 */
public record DynamicContent(Map<String, Item> items) {

  public static final String PREFIX = "dc.";
  public static final DynamicContent NONE = new DynamicContent(Map.of());

  public DynamicContent {
    items = Map.copyOf(items);
  }

  /**
   * One item.
   *
   * @param fallback the language whose text is used when the customer's language has none
   * @param variants language code (ISO 639-1, lower case) → text
   * @param line where the item is defined
   */
  public record Item(String name, String fallback, Map<String, String> variants, int line) {
    public Item {
      variants = Map.copyOf(variants);
    }

    /** The language whose text a customer with these languages (best first) gets. */
    public String languageFor(List<String> languages) {
      for (String l : languages) {
        if (l != null && variants.containsKey(l)) {
          return l;
        }
      }
      return fallback;
    }

    public String textFor(List<String> languages) {
      return variants.get(languageFor(languages));
    }
  }

  /**
   * The customer's languages, best first, as language codes: the detected language, then the locale's
   * language ({@code fr-CA} → {@code fr}); unknown or missing ones are left out.
   */
  public static List<String> languages(String detected, String locale) {
    List<String> out = new ArrayList<>(2);
    for (String l : new String[] {detected, locale}) {
      String code = languageCode(l);
      if (code != null && !out.contains(code)) {
        out.add(code);
      }
    }
    return out;
  }

  /** {@code fr}, {@code FR}, {@code fr-CA}, {@code fr_FR} → {@code fr}; null for anything else. */
  public static String languageCode(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String lang = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return DynamicContentLoader.LANGUAGES.contains(lang) ? lang : null;
  }

  /**
   * Placeholder values that also fill {@code {{dc.name}}} with the item's text for {@code languages},
   * rendered with {@code values}; every other name goes to {@code values}.
   */
  public Function<String, String> values(Function<String, String> values, List<String> languages) {
    return valuesByLanguage(language -> values, languages);
  }

  /**
   * As {@link #values(Function, List)}, with placeholder values that depend on the language of the text
   * they land in ({@code valuesIn.apply(language)}; the language is null outside dynamic content).
   */
  public Function<String, String> valuesByLanguage(Function<String, Function<String, String>> valuesIn,
      List<String> languages) {
    Function<String, String> outside = valuesIn.apply(null);
    return name -> {
      if (name.startsWith(PREFIX)) {
        Item item = items.get(name.substring(PREFIX.length()));
        if (item == null) {
          return "";
        }
        String language = item.languageFor(languages);
        return Placeholders.render(item.variants().get(language), valuesIn.apply(language));
      }
      return outside.apply(name);
    };
  }

  /**
   * As {@link #values(Function, List)} for a whole Liquid scope: {@code {{dc.name}}} renders the item's
   * text for {@code languages} with the same values, lists and time as the text that uses it.
   */
  public io.handoff.trigger.Liquid.Scope scope(io.handoff.trigger.Liquid.Scope scope, List<String> languages) {
    return new io.handoff.trigger.Liquid.Scope(name -> {
      if (name.startsWith(PREFIX)) {
        Item item = items.get(name.substring(PREFIX.length()));
        return item == null ? "" : Placeholders.render(item.textFor(languages), scope);
      }
      return scope.values().apply(name);
    }, scope.lists(), scope.now());
  }

  /** Renders {@code text} with {@code values}, dynamic content in {@code languages}. */
  public String render(String text, Function<String, String> values, List<String> languages) {
    return Placeholders.render(text, values(values, languages));
  }

  /** The text with its {@code {{dc.name}}} placeholders replaced by the items' texts, others left as written. */
  public String expand(String text, List<String> languages) {
    return render(text, name -> "{{" + name + "}}", languages);
  }
}
