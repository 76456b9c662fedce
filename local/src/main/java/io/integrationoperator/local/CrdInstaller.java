package io.integrationoperator.local;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Installs the product's CustomResourceDefinitions, which the build copies from the repository's
 * {@code crds/} directory into the {@code crds/} folder of the jar.
 */
public final class CrdInstaller {

  static final String RESOURCE_FOLDER = "crds";

  private CrdInstaller() {}

  /**
   * Creates every bundled CRD.
   *
   * @return the names of the installed CRDs
   * @throws IOException when the bundled files cannot be read
   * @throws IllegalStateException when the jar or class path contains no CRDs
   */
  public static List<String> install(KubernetesClient client) throws IOException {
    List<String> installed = new ArrayList<>();
    for (String content : bundledDefinitions()) {
      CustomResourceDefinition crd =
          client
              .apiextensions()
              .v1()
              .customResourceDefinitions()
              .load(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
              .item();
      client.resource(crd).create();
      installed.add(crd.getMetadata().getName());
    }
    return installed;
  }

  /** Returns the text of each bundled CRD file, in file name order. */
  static List<String> bundledDefinitions() throws IOException {
    URL folder = CrdInstaller.class.getClassLoader().getResource(RESOURCE_FOLDER);
    if (folder == null) {
      throw new IllegalStateException(
          "No CRDs on the class path under " + RESOURCE_FOLDER + "/; rebuild the local module");
    }
    try {
      URI uri = folder.toURI();
      if (!uri.getScheme().equals("jar")) {
        return read(Path.of(uri));
      }
      FileSystem jar;
      boolean opened = false;
      try {
        jar = FileSystems.getFileSystem(uri);
      } catch (FileSystemNotFoundException e) {
        jar = FileSystems.newFileSystem(uri, Map.of());
        opened = true;
      }
      try {
        return read(jar.provider().getPath(uri));
      } finally {
        if (opened) {
          jar.close();
        }
      }
    } catch (URISyntaxException e) {
      throw new IOException("Invalid CRD folder location " + folder, e);
    }
  }

  private static List<String> read(Path folder) throws IOException {
    List<String> contents = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream input = Files.newInputStream(file)) {
          contents.add(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    if (contents.isEmpty()) {
      throw new IllegalStateException(
          "The CRD folder " + folder + " contains no .yaml files; rebuild the local module");
    }
    return contents;
  }
}
