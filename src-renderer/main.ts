document.getElementById('app')!.textContent = 'CS Workspace';
