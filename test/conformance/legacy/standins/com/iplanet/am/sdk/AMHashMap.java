package com.iplanet.am.sdk;

import com.sun.identity.common.CaseInsensitiveHashMap;

/** Stand-in: the case-insensitive map of attribute name to value Set that AMIdentity.getAttributes() returns. */
public class AMHashMap extends CaseInsensitiveHashMap {
  public AMHashMap() { super(); }
}
