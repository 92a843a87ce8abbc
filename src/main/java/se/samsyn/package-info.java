/** Samsyn: planning, financing and follow-up for Swedish samordningsförbund (FINSAM). */
package se.samsyn;
