window.salesAssistant = {
    markInteractive: () => document.body.setAttribute("data-interactive", "true"),
};
