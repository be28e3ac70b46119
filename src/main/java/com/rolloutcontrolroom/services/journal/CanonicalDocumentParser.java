package com.rolloutcontrolroom.services.journal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a stored canonical document back into the plain tree {@code EntryFields} decodes. Strict on
 * purpose: numbers and duplicate keys are not canonical, so they are refused rather than guessed.
 */
final class CanonicalDocumentParser {

    private final ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    Map<String, Object> parse(byte[] document) {
        try {
            JsonNode root = mapper.readTree(document);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("the stored document is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) toTree(root);
            return tree;
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored document is not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private Object toTree(JsonNode node) {
        if (node.isNull()) {
            return null;
        } else if (node.isTextual()) {
            return node.textValue();
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toTree(item)));
            return list;
        } else if (node.isObject()) {
            Map<String, Object> map = new HashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), toTree(field.getValue())));
            return map;
        }
        throw new IllegalArgumentException("the stored document holds a " + node.getNodeType()
                + " value, which the canonical form never writes");
    }
}
