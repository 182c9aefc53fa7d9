package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Narrows a suite to the files to run. Every criterion that is set must hold; a selected file
 * always brings the files it depends on.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Selector {
  @JsonPropertyDescription("Run only files that carry at least one of these tags (meta.tags).")
  private List<String> tags = new ArrayList<>();

  @JsonPropertyDescription("Skip files that carry any of these tags.")
  private List<String> excludeTags = new ArrayList<>();

  @JsonPropertyDescription(
      "Run only files whose path relative to the suite root (with '/' separators) matches at"
          + " least one of these Java regular expressions somewhere (use ^ and $ to anchor).")
  private List<String> include = new ArrayList<>();

  @JsonPropertyDescription("Skip files whose relative path matches any of these regular expressions.")
  private List<String> exclude = new ArrayList<>();

  @JsonPropertyDescription(
      "Paths changed in the change under test (for example from 'git diff --name-only'). When"
          + " set, run only: changed action files (paths relative to the suite root), the files"
          + " that depend on them, and files whose meta.covers globs match a changed path.")
  private List<String> changedFiles = new ArrayList<>();

  @JsonPropertyDescription("With changedFiles: only (default) runs just the files the change affects; first runs every"
      + " selected file, the affected ones (and the files they depend on) before the rest, in every sharding mode, so a"
      + " failure the change caused shows first.")
  private ChangedMode changedMode;

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags == null ? new ArrayList<>() : tags;
  }

  public List<String> getExcludeTags() {
    return excludeTags;
  }

  public void setExcludeTags(List<String> excludeTags) {
    this.excludeTags = excludeTags == null ? new ArrayList<>() : excludeTags;
  }

  public List<String> getInclude() {
    return include;
  }

  public void setInclude(List<String> include) {
    this.include = include == null ? new ArrayList<>() : include;
  }

  public List<String> getExclude() {
    return exclude;
  }

  public void setExclude(List<String> exclude) {
    this.exclude = exclude == null ? new ArrayList<>() : exclude;
  }

  public List<String> getChangedFiles() {
    return changedFiles;
  }

  public void setChangedFiles(List<String> changedFiles) {
    this.changedFiles = changedFiles == null ? new ArrayList<>() : changedFiles;
  }

  public ChangedMode getChangedMode() {
    return changedMode;
  }

  public void setChangedMode(ChangedMode changedMode) {
    this.changedMode = changedMode;
  }
}
