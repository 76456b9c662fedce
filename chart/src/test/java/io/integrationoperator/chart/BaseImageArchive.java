package io.integrationoperator.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Image archives in the format of {@code docker save}, written and read with the system's {@code
 * tar} command: a {@code manifest.json}, an image configuration and one tar file per layer.
 */
final class BaseImageArchive {
  private BaseImageArchive() {}

  /** Writes a one-layer base image archive, with a single text file, and returns its path. */
  static Path write(Path directory) throws IOException, InterruptedException {
    Path root = Files.createDirectories(directory.resolve("base/root/etc"));
    Files.writeString(root.resolve("base-image"), "local base image for the Jib image test\n");
    Path layer = directory.resolve("base/layer.tar");
    tar(directory.resolve("base/root"), "-cf", layer.toString(), ".");
    String diffId = "sha256:" + sha256(Files.readAllBytes(layer));
    Files.writeString(
        directory.resolve("base/config.json"),
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/bin:/bin\"]},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
            + diffId
            + "\"]}}");
    Files.writeString(
        directory.resolve("base/manifest.json"),
        "[{\"Config\":\"config.json\",\"RepoTags\":[\"base:local\"],\"Layers\":[\"layer.tar\"]}]");
    Path archive = directory.resolve("base-image.tar");
    tar(
        directory.resolve("base"),
        "-cf",
        archive.toString(),
        "manifest.json",
        "config.json",
        "layer.tar");
    return archive;
  }

  /** Unpacks an image archive into the directory and returns it. */
  static Path extract(Path archive, Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    tar(directory, "-xf", archive.toString());
    return directory;
  }

  /** Lists the files of every layer of an unpacked archive, without a leading "/" or "./". */
  static List<String> layerFiles(Path extracted) throws IOException, InterruptedException {
    List<String> files = new ArrayList<>();
    try (var entries = Files.list(extracted)) {
      for (Path layer : entries.filter(p -> p.toString().endsWith(".tar.gz")).toList()) {
        for (String line :
            tarOutput(extracted, "--warning=no-unknown-keyword", "-tzf", layer.toString())) {
          files.add(line.replaceFirst("^\\./", "").replaceFirst("^/", ""));
        }
      }
    }
    return files;
  }

  private static void tar(Path directory, String... arguments)
      throws IOException, InterruptedException {
    tarOutput(directory, arguments);
  }

  private static List<String> tarOutput(Path directory, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tar"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
    byte[] output = process.getInputStream().readAllBytes();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("tar " + String.join(" ", arguments) + " failed: " + errors);
    }
    return new String(output, StandardCharsets.UTF_8).lines().toList();
  }

  private static String sha256(byte[] content) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("SHA-256 is not available", e);
    }
  }
}
