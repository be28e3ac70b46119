package com.rolloutcontrolroom.services.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.rolloutcontrolroom.services.deploy.DeployFailure.Kind;

/**
 * The folder the Vercel CLI runs in: the project's checkout, linked to a Vercel project by
 * {@code vercel link} (which writes {@code .vercel/project.json}). Its project id is what the journal
 * records, so the evidence says which Vercel project was deployed without naming a path on this machine.
 */
public record ProjectFolder(Path path, String projectId) {

    static final String LINK_FILE = ".vercel/project.json";

    /** @throws DeployFailure when the folder is missing or not linked */
    public static ProjectFolder check(Path path) {
        if (path == null) {
            throw new DeployFailure(Kind.NO_PROJECT_FOLDER, "No project folder is set for this rollout: choose the folder"
                    + " of the project's checkout (control-room deploy --project DIR, or Project folder… on the Rollout screen).");
        }
        if (!Files.isDirectory(path)) {
            throw new DeployFailure(Kind.NO_PROJECT_FOLDER, "The project folder " + path + " does not exist: choose the"
                    + " folder of the project's checkout.");
        }
        Path link = path.resolve(LINK_FILE);
        if (!Files.isRegularFile(link)) {
            throw FailureReading.notLinked();
        }
        return new ProjectFolder(path, projectId(link).orElse(null));
    }

    private static Optional<String> projectId(Path link) {
        try {
            JsonNode id = new ObjectMapper().readTree(link.toFile()).get("projectId");
            return id != null && id.isTextual() ? Optional.of(id.textValue()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
