package org.duban.identity;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A staff account; the password is stored as a bcrypt hash (modular crypt format). */
@Entity
@Table(name = "app_user")
@UserDefinition
public class UserAccount {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Username
  @Column(nullable = false, unique = true)
  public String username;

  @Password
  @Column(nullable = false)
  public String passwordHash;

  @Roles
  @Column(nullable = false)
  public String role;

  /** The unit a REPORTER acts for; null for every other role. */
  public String unitCode;

  /** The region an OFFICE, LEADER or REPORTER account is limited to (null: the whole province). */
  @Column(name = "region_code")
  public String regionCode;

  @Column(nullable = false)
  public Instant createdAt;
}
