package org.forgerock.util.promise;

/** Stand-in for an already-resolved CHF promise: get() and getOrThrow() give the value. */
public final class PromiseImpl<V> {
  private final V value;

  public PromiseImpl(V value) { this.value = value; }

  public V get() { return value; }
  public V getOrThrow() { return value; }
  public boolean isDone() { return true; }
}
