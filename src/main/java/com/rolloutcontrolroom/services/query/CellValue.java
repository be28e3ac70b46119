package com.rolloutcontrolroom.services.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Reads one cell as a plain value that prints and serializes the same everywhere. */
final class CellValue {

    private CellValue() {
    }

    static Object read(ResultSet resultSet, int column, String typeName) throws SQLException {
        switch (typeName) {
            case "timestamptz" -> {
                OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
                return value == null ? null : value.toInstant().toString();
            }
            case "timestamp" -> {
                LocalDateTime value = resultSet.getObject(column, LocalDateTime.class);
                return value == null ? null : value.toString();
            }
            case "int2", "int4", "int8" -> {
                long value = resultSet.getLong(column);
                return resultSet.wasNull() ? null : value;
            }
            case "numeric", "float4", "float8" -> {
                BigDecimal value = resultSet.getBigDecimal(column);
                return value;
            }
            case "bool" -> {
                boolean value = resultSet.getBoolean(column);
                return resultSet.wasNull() ? null : value;
            }
            default -> {
                return resultSet.getString(column);
            }
        }
    }
}
