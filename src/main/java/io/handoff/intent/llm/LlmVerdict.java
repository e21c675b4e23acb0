package io.handoff.intent.llm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The model's JSON answer, before validation against the taxonomy and the enums. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LlmVerdict(
    String intent,
    List<String> intents,
    Double confidence,
    String language,
    String urgency,
    String handoff,
    String reason) {}
