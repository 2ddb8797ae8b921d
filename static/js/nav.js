// On a narrow screen the sections scroll sideways: bring the current one into view.
document.querySelector("nav.sections [aria-current]")?.scrollIntoView({ block: "nearest", inline: "center" });
