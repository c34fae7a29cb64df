package dev.inkwell.auth;

import java.time.OffsetDateTime;

public record AccessToken(String token, OffsetDateTime expiresAt) {

}
