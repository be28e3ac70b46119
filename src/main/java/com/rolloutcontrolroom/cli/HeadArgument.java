package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.domain.journal.ChainHead;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A journal head as {@code ID:HASH}, the form the Journal screen's Copy head and {@code journal verify} give. */
final class HeadArgument implements ITypeConverter<ChainHead> {

    static final String LABEL = "ID:HASH";

    @Override
    public ChainHead convert(String value) {
        String[] parts = value == null ? new String[0] : value.strip().split(":", 2);
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("[0-9a-f]{64}")) {
            throw new TypeConversionException("a record id and its 64-character hash, like 12:3f9a…");
        }
        return new ChainHead(Long.parseLong(parts[0]), parts[1]);
    }

    /** "41:3f9a1c2e…", short enough for a table. */
    static String abbreviated(ChainHead head) {
        return head.id() + ":" + com.rolloutcontrolroom.domain.journal.ChainHash.abbreviate(head.hash());
    }
}
