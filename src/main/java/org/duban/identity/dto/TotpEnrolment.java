package org.duban.identity.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to POST /api/v1/me/totp: what an authenticator app needs; confirm with one of its codes. */
@Schema(name = "TotpEnrolment")
public record TotpEnrolment(
    @Schema(example = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", description = "the shared secret in Base32, for typing in") String secret,
    @Schema(example = "otpauth://totp/Duban:admin?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Duban&algorithm=SHA1&digits=6&period=30", description = "the same as a key URI (what the QR code on the account page holds)") String otpauthUri) {}
