package io.video2mp3.testsupport.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnerReferenceCheckTest {

  private static final ApiRequest CREATE_JOB = new ApiRequest("create", "batch", "jobs", "", "media");

  @Test
  void blockingOwnerDeletionNeedsUpdateOnTheOwnersFinalizers() {
    String job = """
        {"metadata":{"name":"j","ownerReferences":[
          {"apiVersion":"video2mp3.io/v1alpha1","kind":"VideoConversion","name":"vc","uid":"1","blockOwnerDeletion":true}]}}""";
    assertThat(OwnerReferenceCheck.required(CREATE_JOB, job))
        .containsExactly(new ApiRequest("update", "video2mp3.io", "videoconversions", "finalizers", "media"));
  }

  @Test
  void nothingWithoutBlockOwnerDeletionOrForReads() {
    String notBlocking = """
        {"metadata":{"ownerReferences":[{"apiVersion":"v1","kind":"Pod","blockOwnerDeletion":false}]}}""";
    assertThat(OwnerReferenceCheck.required(CREATE_JOB, notBlocking)).isEmpty();
    assertThat(OwnerReferenceCheck.required(new ApiRequest("get", "batch", "jobs", "", "media"),
        "{\"blockOwnerDeletion\":true}")).isEmpty();
    assertThat(OwnerReferenceCheck.required(CREATE_JOB, "[{\"op\":\"add\",\"blockOwnerDeletion\":true}]")).isEmpty();
  }
}
