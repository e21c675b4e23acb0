package io.handoff.intent.llm;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.handoff.intent.HandoffDecision;
import io.handoff.intent.Urgency;
import java.util.Arrays;
import java.util.List;

/** The JSON schema the model must answer in: enums for intent, urgency and handoff. */
final class VerdictSchema {
  static final String NAME = "intent_classification";

  private VerdictSchema() {}

  static ResponseFormat responseFormat(List<String> intents) {
    JsonObjectSchema root = JsonObjectSchema.builder()
        .addEnumProperty("intent", intents, "the single best intent")
        .addProperty("intents", JsonArraySchema.builder()
            .items(JsonEnumSchema.builder().enumValues(intents).build())
            .description("every intent that clearly applies").build())
        .addNumberProperty("confidence", "probability in [0, 1] that intent is right")
        .addStringProperty("language", "ISO 639-1 code of the customer's language")
        .addEnumProperty("urgency", names(Urgency.values()))
        .addEnumProperty("handoff", names(HandoffDecision.values()))
        .addStringProperty("reason", "one short sentence")
        .required("intent", "intents", "confidence", "language", "urgency", "handoff", "reason")
        .additionalProperties(false)
        .build();
    return ResponseFormat.builder().type(ResponseFormatType.JSON)
        .jsonSchema(JsonSchema.builder().name(NAME).rootElement(root).build()).build();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
