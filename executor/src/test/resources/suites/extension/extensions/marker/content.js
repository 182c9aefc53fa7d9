const marker = document.createElement('div');
marker.id = 'shardrun-extension-marker';
marker.textContent = 'loaded by the marker extension';
document.body.appendChild(marker);
