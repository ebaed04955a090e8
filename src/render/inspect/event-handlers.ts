/**
 * The event-handler content attributes of HTML (its GlobalEventHandlers, WindowEventHandlers and
 * DocumentAndElementEventHandlers): the `on…` attributes a browser would run as script.
 */
export const EVENT_HANDLERS: ReadonlySet<string> = new Set(
  (
    "abort afterprint animationcancel animationend animationiteration animationstart auxclick beforeinput " +
    "beforematch beforeprint beforetoggle beforeunload blur cancel canplay canplaythrough change click close " +
    "contextlost contextmenu contextrestored copy cuechange cut dblclick drag dragend dragenter dragleave dragover " +
    "dragstart drop durationchange emptied ended error focus focusin focusout formdata gotpointercapture " +
    "hashchange input invalid keydown keypress keyup languagechange load loadeddata loadedmetadata loadstart " +
    "lostpointercapture message messageerror mousedown mouseenter mouseleave mousemove mouseout mouseover mouseup " +
    "mousewheel offline online pagehide pagereveal pageshow pageswap paste pause play playing pointercancel " +
    "pointerdown pointerenter pointerleave pointermove pointerout pointerover pointerup popstate progress " +
    "ratechange rejectionhandled reset resize scroll scrollend securitypolicyviolation seeked seeking select " +
    "selectionchange selectstart slotchange stalled storage submit suspend timeupdate toggle touchcancel touchend " +
    "touchmove touchstart transitioncancel transitionend transitionrun transitionstart unhandledrejection unload " +
    "visibilitychange volumechange waiting wheel"
  )
    .split(" ")
    .map((event) => `on${event}`),
);
