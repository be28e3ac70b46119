package com.rolloutcontrolroom.services.demo;
public final class DemoDatabase implements AutoCloseable {
  public static DemoDatabase startOrConnect(java.nio.file.Path p, DemoOptions o) { throw new UnsupportedOperationException("stub"); }
  public String jdbcUrl() { return null; }
  public javax.sql.DataSource dataSource() { return null; }
  public com.rolloutcontrolroom.domain.environment.DatabaseTarget target() { return null; }
  public boolean ownsServer() { return false; }
  public void close() {}
}
