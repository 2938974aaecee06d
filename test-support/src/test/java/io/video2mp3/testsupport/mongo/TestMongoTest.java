package io.video2mp3.testsupport.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestMongoTest {

  @Test
  void replacesTheDatabaseAndKeepsTheOptions() {
    assertThat(TestMongo.withDatabase("mongodb://u:p@h1:27017,h2/app?authSource=admin", "t1"))
        .isEqualTo("mongodb://u:p@h1:27017,h2/t1?authSource=admin");
    assertThat(TestMongo.withDatabase("mongodb://h:27017", "t1")).isEqualTo("mongodb://h:27017/t1");
    assertThat(TestMongo.withDatabase("mongodb://h:27017/?replicaSet=rs0", "t1")).isEqualTo("mongodb://h:27017/t1?replicaSet=rs0");
  }

  @Test
  void inJvmServerWithADatabaseOfItsOwn() {
    try (TestMongo first = new TestMongo("t", null); TestMongo second = new TestMongo("t", null)) {
      assertThat(first.isExternal()).isFalse();
      assertThat(first.uri()).startsWith("mongodb://127.0.0.1:").endsWith("/" + first.database());
      assertThat(first.database()).isNotEqualTo(second.database());
    }
  }

  @Test
  void externalMongoGetsAUniqueDatabase() {
    try (TestMongo mongo = new TestMongo("gw", "mongodb://db:27017/video2mp3")) {
      assertThat(mongo.isExternal()).isTrue();
      assertThat(mongo.uri()).isEqualTo("mongodb://db:27017/" + mongo.database());
      assertThat(mongo.database()).startsWith("gw").hasSize(14);
    }
  }
}
