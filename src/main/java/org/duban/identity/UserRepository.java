package org.duban.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepository<UserAccount> {

  public Optional<UserAccount> findByUsername(String username) {
    return find("username", username).firstResultOptional();
  }
}
