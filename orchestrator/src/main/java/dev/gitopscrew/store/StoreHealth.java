package dev.gitopscrew.store;

import java.util.Optional;

/**
 * What the gateway may know of the state store: whether it takes writes, what a failure of it
 * means, and whether it is shared. The gateway reaches the store's data through the crew's read
 * models, never the store itself.
 */
public interface StoreHealth {

  /** Empty while the store takes writes; what is wrong otherwise. */
  Optional<StoreTrouble> check();

  /** What a failure of this store means, in words a response or readiness may carry. */
  StoreTrouble trouble(Throwable failure);

  /** Whether this is a shared PostgreSQL store (rather than the embedded one). */
  boolean shared();
}
